resource "aws_kms_key" "data" {
  # ruleid: terraform-aws-kms-rotation-off
  enable_key_rotation = false
}
resource "aws_kms_key" "logs" {
  # ok: terraform-aws-kms-rotation-off
  enable_key_rotation = true
}
# ruleid: terraform-aws-kms-rotation-off
# fixed: resource "aws_kms_key" "fixme" { enable_key_rotation = true }
resource "aws_kms_key" "fixme" { enable_key_rotation = false }
