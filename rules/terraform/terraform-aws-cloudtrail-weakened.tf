resource "aws_cloudtrail" "main" {
  name                       = "main"
  # ruleid: terraform-aws-cloudtrail-weakened
  enable_logging             = false
  # ruleid: terraform-aws-cloudtrail-weakened
  enable_log_file_validation = false
}
resource "aws_cloudtrail" "org" {
  # ok: terraform-aws-cloudtrail-weakened
  enable_log_file_validation = true
}
