resource "terraform_data" "main" {
  input = 1
}

output "id" {
  value = terraform_data.mian.id
}
