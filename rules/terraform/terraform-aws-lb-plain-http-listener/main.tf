resource "aws_lb_listener" "web" {
  port     = 80
  # ruleid: terraform-aws-lb-plain-http-listener
  protocol = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
resource "aws_lb_target_group" "web" {
  # Between the load balancer and targets inside the VPC.
  # ok: terraform-aws-lb-plain-http-listener
  protocol = "HTTP"
}
resource "aws_lb_listener" "tls" {
  # ok: terraform-aws-lb-plain-http-listener
  protocol = "HTTPS"
}
