resource "terraform_data" "x" {
  count = null
}
