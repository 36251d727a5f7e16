import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { Construct } from 'constructs';
import { publishStatements } from '../messaging/grants';
import type { PolicyStatement } from '../shared/policy-document';

/*
 * REST methods that hand the request to a messaging service directly (AWS integrations, no
 * function in between): the body becomes one SQS message or one EventBridge event's detail.
 * API Gateway calls the service with the API's integration role.
 */

/** An SQS queue of the API's account and region. */
export interface QueueTarget {
  readonly region: string;
  readonly accountId: string;
  /** CAUTION: changing it points the method at another queue (a new deployment). */
  readonly queueName: string;
  /** A FIFO queue: messages are grouped by the route's name and deduplicated by request id. @default false */
  readonly fifo?: boolean;
}

/** An EventBridge bus the method puts one event on. */
export interface BusTarget {
  readonly region: string;
  readonly busArn: string;
  /** The event's `source`. */
  readonly source: string;
  /** The event's `detail-type`. */
  readonly detailType: string;
}

/** The method's answer: 200 with the message or event id, 500 when the service refused it. */
const STATUS_OK = '200';
const STATUS_NOT_ACCEPTED = '500';
/** In VTL: the request body as a JSON string value (escapeJavaScript also escapes ', which JSON does not allow). */
const BODY_AS_STRING = String.raw`$util.escapeJavaScript($input.json('$')).replaceAll("\\'","'")`;

export function queueArnOf(target: QueueTarget): string {
  return `arn:aws:sqs:${target.region}:${target.accountId}:${target.queueName}`;
}

/** The integration role's statements: `sqs:SendMessage` and `events:PutEvents` on exactly the targets, and key use. */
export function integrationRoleStatements(
  targets: readonly { readonly sendToQueue?: QueueTarget; readonly putEvents?: BusTarget }[],
  kmsKeyArn: string | undefined,
): PolicyStatement[] {
  return publishStatements({
    queueArns: targets.flatMap((target) => (target.sendToQueue ? [queueArnOf(target.sendToQueue)] : [])),
    busArns: targets.flatMap((target) => (target.putEvents ? [target.putEvents.busArn] : [])),
    ...(kmsKeyArn ? { kmsKeyArn } : {}),
  });
}

export interface ServiceIntegrationProps {
  readonly restApiId: string;
  readonly resourceId: string;
  readonly httpMethod: string;
  /** Stable name of the route: construct IDs, and a FIFO queue's message group. */
  readonly routeName: string;
  /** Exactly one of sendToQueue and putEvents. */
  readonly sendToQueue?: QueueTarget;
  readonly putEvents?: BusTarget;
  /** Role API Gateway calls the service with. */
  readonly credentialsRoleArn: string;
}

/** The integration of one method with SQS SendMessage or EventBridge PutEvents, and its responses. */
export class ServiceIntegration extends Construct {
  readonly integration: ApiGatewayIntegration;
  readonly responses: ApiGatewayIntegrationResponse[] = [];

  constructor(scope: Construct, id: string, props: ServiceIntegrationProps) {
    super(scope, id);
    const { restApiId, resourceId, httpMethod } = props;
    this.integration = new ApiGatewayIntegration(this, 'integration', {
      restApiId,
      resourceId,
      httpMethod,
      type: 'AWS',
      integrationHttpMethod: 'POST',
      credentials: props.credentialsRoleArn,
      passthroughBehavior: 'NEVER',
      ...(props.sendToQueue ? queueRequest(props.sendToQueue, props.routeName) : busRequest(props.putEvents!)),
    });
    const okTemplate = props.sendToQueue
      ? `{"messageId":"$input.path('$.SendMessageResponse.SendMessageResult.MessageId')"}`
      : `{"eventId":"$input.path('$.Entries[0].EventId')"}`;
    for (const [statusCode, selectionPattern, template] of [
      [STATUS_OK, undefined, okTemplate],
      [STATUS_NOT_ACCEPTED, '[45]\\d{2}', '{"message":"not accepted"}'],
    ] as const) {
      const method = new ApiGatewayMethodResponse(this, `method-response-${statusCode}`, { restApiId, resourceId, httpMethod, statusCode });
      const response = new ApiGatewayIntegrationResponse(this, `integration-response-${statusCode}`, {
        restApiId,
        resourceId,
        httpMethod,
        statusCode: method.statusCode,
        selectionPattern,
        responseTemplates: { 'application/json': template },
        dependsOn: [this.integration],
      });
      this.responses.push(response);
    }
  }
}

function queueRequest(target: QueueTarget, routeName: string) {
  const fifo = target.fifo ? `&MessageGroupId=${routeName}&MessageDeduplicationId=$context.requestId` : '';
  return {
    uri: `arn:aws:apigateway:${target.region}:sqs:path/${target.accountId}/${target.queueName}`,
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplates: { 'application/json': `Action=SendMessage&MessageBody=$util.urlEncode($input.body)${fifo}` },
  };
}

function busRequest(target: BusTarget) {
  const entry = `{"EventBusName":${JSON.stringify(target.busArn)},"Source":${JSON.stringify(target.source)},"DetailType":${JSON.stringify(target.detailType)},"Detail":"${BODY_AS_STRING}"}`;
  return {
    uri: `arn:aws:apigateway:${target.region}:events:action/PutEvents`,
    requestParameters: {
      'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
    },
    requestTemplates: { 'application/json': `{"Entries":[${entry}]}` },
  };
}
