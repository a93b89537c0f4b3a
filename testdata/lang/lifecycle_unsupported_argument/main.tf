resource "terraform_data" "x" {
  lifecycle {
    prevent_destory = true
  }
}
