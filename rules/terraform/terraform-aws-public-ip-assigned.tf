resource "aws_instance" "web" {
  # ruleid: terraform-aws-public-ip-assigned
  associate_public_ip_address = true
}
resource "aws_subnet" "app" {
  # ruleid: terraform-aws-public-ip-assigned
  map_public_ip_on_launch = true
}
resource "aws_instance" "worker" {
  # ok: terraform-aws-public-ip-assigned
  associate_public_ip_address = false
}
