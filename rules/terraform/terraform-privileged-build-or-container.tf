resource "aws_codebuild_project" "build" {
  environment {
    # ruleid: terraform-privileged-build-or-container
    privileged_mode = true
  }
}
resource "aws_ecs_task_definition" "app" {
  container_definitions = jsonencode([{
    name       = "app"
    # ruleid: terraform-privileged-build-or-container
    privileged = true
  }])
}
resource "aws_codebuild_project" "test" {
  environment {
    # ok: terraform-privileged-build-or-container
    privileged_mode = false
  }
}
