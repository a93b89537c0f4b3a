resource "terraform_data" "x" {
  depends_on = [local.nothing]
}
