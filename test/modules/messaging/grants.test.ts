import { consumeStatements, publishStatements } from '../../../modules/messaging/grants';

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:acme-orders';
const QUEUE = 'arn:aws:sqs:eu-west-1:111111111111:acme-settlements';
const BUS = 'arn:aws:events:eu-west-1:111111111111:event-bus/acme-dev-orders-dev';
const KEY = 'arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

describe('messaging grants', () => {
  it('lets a publisher publish, send and put events on exactly the named entries, and use the key', () => {
    expect(publishStatements({ topicArns: [TOPIC, TOPIC], queueArns: [QUEUE], busArns: [BUS], kmsKeyArn: KEY })).toEqual([
      { Sid: 'PublishToTopics', Effect: 'Allow', Action: 'sns:Publish', Resource: [TOPIC] },
      { Sid: 'SendToQueues', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [QUEUE] },
      { Sid: 'PutEventsOnBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: [BUS] },
      { Sid: 'EncryptMessages', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: KEY },
    ]);
  });

  it('grants nothing it was not asked for', () => {
    expect(publishStatements({ busArns: [BUS] })).toEqual([
      { Sid: 'PutEventsOnBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: [BUS] },
    ]);
    expect(publishStatements({})).toEqual([]);
    expect(consumeStatements([])).toEqual([]);
  });

  it('lets a consumer receive, delete, extend and read attributes of its queues, and decrypt them', () => {
    expect(consumeStatements([QUEUE], [KEY, KEY])).toEqual([
      {
        Sid: 'ConsumeQueues',
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
        Resource: [QUEUE],
      },
      { Sid: 'DecryptQueues', Effect: 'Allow', Action: 'kms:Decrypt', Resource: [KEY] },
    ]);
  });
});
