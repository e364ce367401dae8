resource "aws_sqs_queue" "jobs" {
  # ruleid: terraform-aws-sqs-sns-unencrypted
  sqs_managed_sse_enabled = false
}
resource "aws_sqs_queue" "events" {
  # ok: terraform-aws-sqs-sns-unencrypted
  sqs_managed_sse_enabled = true
}
