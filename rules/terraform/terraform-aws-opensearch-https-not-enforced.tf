resource "aws_opensearch_domain" "logs" {
  domain_endpoint_options {
    # ruleid: terraform-aws-opensearch-https-not-enforced
    enforce_https = false
  }
}
resource "aws_opensearch_domain" "search" {
  domain_endpoint_options {
    # ok: terraform-aws-opensearch-https-not-enforced
    enforce_https = true
  }
}
