output "x" {
  value = frobnicate("a")
}
