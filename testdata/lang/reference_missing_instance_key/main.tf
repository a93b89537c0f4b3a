resource "terraform_data" "x" {
  count = 2
}

output "id" {
  value = terraform_data.x.id
}
