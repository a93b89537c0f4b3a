regon = "eu-west-1"
