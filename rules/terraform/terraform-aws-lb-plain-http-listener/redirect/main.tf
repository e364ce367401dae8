resource "aws_lb_listener" "http" {
  port     = 80
  # Port 80 only redirects to HTTPS.
  # ok: terraform-aws-lb-plain-http-listener
  protocol = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
