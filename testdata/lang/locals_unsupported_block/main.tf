locals {
  name = "a"
  tags {
    env = "dev"
  }
}
