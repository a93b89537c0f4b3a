output "x" {
  value = terraform.workspaces
}
