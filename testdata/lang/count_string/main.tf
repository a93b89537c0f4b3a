resource "terraform_data" "x" {
  count = "two"
}
