resource "aws_lambda_function_url" "hook" {
  function_name      = aws_lambda_function.hook.function_name
  # ruleid: terraform-unauthenticated-endpoint
  authorization_type = "NONE"
}
resource "aws_api_gateway_method" "admin" {
  http_method   = "POST"
  # ruleid: terraform-unauthenticated-endpoint
  authorization = "NONE"
}
resource "aws_lambda_function_url" "internal" {
  # ok: terraform-unauthenticated-endpoint
  authorization_type = "AWS_IAM"
}
