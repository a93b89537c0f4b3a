resource "terraform_data" "x" {
  input = "a"
}

output "x" {
  value = terraform_data.x.output
}
