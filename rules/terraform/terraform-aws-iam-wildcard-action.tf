data "aws_iam_policy_document" "ci" {
  statement {
    # ruleid: terraform-aws-iam-wildcard-action
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    # ruleid: terraform-aws-iam-wildcard-action
    actions   = ["s3:GetObject", "iam:*"]
    resources = ["*"]
  }
  statement {
    # ok: terraform-aws-iam-wildcard-action
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::acme-artifacts/*"]
  }
}
resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      # ruleid: terraform-aws-iam-wildcard-action
      Action   = "*"
      # ok: terraform-aws-iam-wildcard-action
      Resource = "*"
    }]
  })
}
