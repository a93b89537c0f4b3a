data "terraform_remote_state" "net" {
  backend = "local"
}

output "x" {
  value = terraform_remote_state.net.outputs
}
