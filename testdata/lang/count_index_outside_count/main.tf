resource "terraform_data" "x" {
  input = count.index
}
