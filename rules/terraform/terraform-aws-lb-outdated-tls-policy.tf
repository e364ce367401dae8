resource "aws_lb_listener" "tls" {
  protocol   = "HTTPS"
  # ruleid: terraform-aws-lb-outdated-tls-policy
  ssl_policy = "ELBSecurityPolicy-2016-08"
}
resource "aws_lb_listener" "api" {
  protocol   = "HTTPS"
  # ok: terraform-aws-lb-outdated-tls-policy
  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}
