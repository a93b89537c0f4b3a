output "all" {
  value = var
}
