module "m" {
  source = "./m"
  prefix = "net"
  suffix = terraform_data.suffix.output
}

resource "terraform_data" "suffix" {
  input = "${module.m.prefix_upper}-1"
}

output "name" {
  value = module.m.name
}
