resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
# ruleid: terraform-open-ingress
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
# ok: terraform-open-ingress
    cidr_blocks = ["0.0.0.0/0"]
  }
}
