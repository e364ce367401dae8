resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  # ruleid: terraform-aws-admin-policy-attached
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_role_policy_attachment" "readonly" {
  role       = aws_iam_role.audit.name
  # ok: terraform-aws-admin-policy-attached
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
