output "x" {
  value = var.network
}
