resource "terraform_data" "x" "y" {
}
