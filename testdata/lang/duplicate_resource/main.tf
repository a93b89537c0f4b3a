resource "terraform_data" "x" {
  input = 1
}

resource "terraform_data" "x" {
  input = 2
}
