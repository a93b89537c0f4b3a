output "x" {
  value = path.home
}
