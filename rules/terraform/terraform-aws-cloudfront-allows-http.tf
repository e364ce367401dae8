resource "aws_cloudfront_distribution" "site" {
  default_cache_behavior {
    # ruleid: terraform-aws-cloudfront-allows-http
    viewer_protocol_policy = "allow-all"
  }
  ordered_cache_behavior {
    # ok: terraform-aws-cloudfront-allows-http
    viewer_protocol_policy = "redirect-to-https"
  }
}
