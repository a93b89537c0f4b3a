output "x" {
  value = join(",")
}
