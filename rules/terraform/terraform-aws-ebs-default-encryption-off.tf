resource "aws_ebs_encryption_by_default" "this" {
  # ruleid: terraform-aws-ebs-default-encryption-off
  enabled = false
}
resource "aws_cloudwatch_metric_alarm" "cpu" {
  # ok: terraform-aws-ebs-default-encryption-off
  enabled = false
}
