resource "terraform_data" "x" { input = 1
  triggers_replace = 2 }
