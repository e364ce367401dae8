resource "aws_guardduty_detector" "main" {
  # ruleid: terraform-aws-threat-detection-disabled
  enable = false
}
resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  # ruleid: terraform-aws-threat-detection-disabled
  is_enabled = false
}
resource "aws_guardduty_detector" "eu" {
  # ok: terraform-aws-threat-detection-disabled
  enable = true
}
resource "aws_kms_key" "k" {
  # ok: terraform-aws-threat-detection-disabled
  is_enabled = false
}
