resource "aws_eks_cluster" "main" {
  vpc_config {
    # ruleid: terraform-aws-eks-public-endpoint
    endpoint_public_access = true
    # ok: terraform-aws-eks-public-endpoint
    endpoint_private_access = true
  }
}
resource "aws_eks_cluster" "private" {
  vpc_config {
    # ok: terraform-aws-eks-public-endpoint
    endpoint_public_access = false
  }
}
