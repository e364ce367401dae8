resource "aws_sagemaker_notebook_instance" "lab" {
  # ruleid: terraform-aws-sagemaker-direct-internet
  direct_internet_access = "Enabled"
}
resource "aws_sagemaker_notebook_instance" "prod" {
  # ok: terraform-aws-sagemaker-direct-internet
  direct_internet_access = "Disabled"
}
