resource "aws_ecr_repository" "app" {
  # ruleid: terraform-aws-ecr-mutable-tags
  image_tag_mutability = "MUTABLE"
}
resource "aws_ecr_repository" "api" {
  # ok: terraform-aws-ecr-mutable-tags
  image_tag_mutability = "IMMUTABLE"
}
