resource "aws_s3_bucket_policy" "assets" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      # ruleid: terraform-aws-resource-policy-public-principal
      Principal = "*"
      Action    = "s3:GetObject"
    }]
  })
}
data "aws_iam_policy_document" "queue" {
  statement {
    principals {
      type        = "AWS"
      # ruleid: terraform-aws-resource-policy-public-principal
      identifiers = ["*"]
    }
  }
  statement {
    principals {
      type        = "AWS"
      # ok: terraform-aws-resource-policy-public-principal
      identifiers = ["arn:aws:iam::123456789012:role/worker"]
    }
  }
}
