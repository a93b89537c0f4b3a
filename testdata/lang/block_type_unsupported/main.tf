resources "terraform_data" "x" {
}
