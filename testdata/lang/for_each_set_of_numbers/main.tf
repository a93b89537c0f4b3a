resource "terraform_data" "x" {
  for_each = toset([1, 2])
}
