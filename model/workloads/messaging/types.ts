export interface QueuePlan {
  readonly name: string;
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionSeconds: number;
  /** Longer than the source's, so a message never expires in the DLQ before it could be redriven. */
  readonly deadLetterRetentionSeconds: number;
}
