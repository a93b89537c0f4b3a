package schema

import "strings"

// ServiceCatalogSource is the page of the AWS PrivateLink guide that lists
// the AWS services reachable through interface endpoints, "AWS services
// that integrate with AWS PrivateLink", with their service names. Rows that
// rest on it have it as their Source.
const ServiceCatalogSource = "https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html"

// ServiceCatalogDate is when the catalog was last compared with
// ServiceCatalogSource, as "YYYY-MM-DD". The copy read then was the text
// of the PDF edition of the AWS PrivateLink guide marked "Copyright ©
// 2026", whose own publication day is not given (a newer live page may
// list more). Services AWS added after that copy are missing until the
// next comparison.
const ServiceCatalogDate = "2026-12-03"

// privateLinkServices returns a fresh row for every service name of
// ServiceCatalogSource, in the list's order. The names are written as the
// list writes them, with "region" for the Region; the list gives nothing
// else per name, so each row is:
//
//	Types       Interface only: the list is of interface endpoints (S3 and
//	            DynamoDB gateway endpoints are in serviceTable)
//	PrivateDNS  true: the guide recommends private DNS "for your VPC
//	            endpoints for AWS services" and names no exception;
//	            support per service is UNCONFIRMED
//	Regions     nil: the list gives no Region availability (see
//	            Service.Regions), except where a name has its Region
//	            written out
//	Title       the list's service, followed by the name in parentheses
//	            when the service has several names
//
// serviceTable's rows take precedence over these (Services). Names the
// list gives under two services (rds for Amazon Aurora, Amazon DocumentDB
// and Amazon RDS; networkmanager for AWS Cloud WAN and AWS Global Networks
// for Transit Gateways; transcribe and transcribestreaming for Amazon
// Transcribe and Amazon Transcribe Medical) appear once. Amazon OpenSearch
// Service has no row: its endpoints "are service-managed", created through
// OpenSearch rather than as aws_vpc_endpoint.
func privateLinkServices() []*Service {
	var ss []*Service
	add := func(title string, names ...string) {
		for _, written := range names {
			s := privateLinkRow(written)
			s.Title = title
			if len(names) > 1 {
				s.Title = title + " (" + s.Name + ")"
			}
			ss = append(ss, s)
		}
	}

	add("AWS Account Management", "com.amazonaws.region.account")
	add("Amazon API Gateway", "com.amazonaws.region.execute-api", "com.amazonaws.region.apigateway")
	add("AWS AppConfig", "com.amazonaws.region.appconfig", "com.amazonaws.region.appconfig-fips",
		"com.amazonaws.region.appconfigdata", "com.amazonaws.region.appconfigdata-fips")
	add("AWS App Mesh", "com.amazonaws.region.appmesh", "com.amazonaws.region.appmesh-envoy-management")
	add("AWS App Runner", "com.amazonaws.region.apprunner")
	add("AWS App Runner services", "com.amazonaws.region.apprunner.requests")
	add("Application Auto Scaling", "com.amazonaws.region.application-autoscaling")
	add("AWS Application Discovery Service", "com.amazonaws.region.discovery", "com.amazonaws.region.arsenal-discovery")
	add("AWS Application Migration Service", "com.amazonaws.region.mgn")
	add("Amazon WorkSpaces Applications", "com.amazonaws.region.appstream.api", "com.amazonaws.region.appstream.streaming")
	add("AWS AppSync", "com.amazonaws.region.appsync-api")
	add("Amazon Athena", "com.amazonaws.region.athena")
	add("AWS Audit Manager", "com.amazonaws.region.auditmanager")
	// Amazon Aurora: rds and rds-fips, under Amazon RDS below.
	add("Amazon Aurora DSQL", "com.amazonaws.region.dsql")
	add("AWS Auto Scaling", "com.amazonaws.region.autoscaling-plans")
	add("AWS B2B Data Interchange", "com.amazonaws.region.b2bi")
	add("AWS Backup", "com.amazonaws.region.backup", "com.amazonaws.region.backup-gateway")
	add("AWS Batch", "com.amazonaws.region.batch")
	add("Amazon Bedrock", "com.amazonaws.region.bedrock", "com.amazonaws.region.bedrock-agent",
		"com.amazonaws.region.bedrock-agent-runtime", "com.amazonaws.region.bedrock-data-automation",
		"com.amazonaws.region.bedrock-data-automation-fips", "com.amazonaws.region.bedrock-data-automation-runtime",
		"com.amazonaws.region.bedrock-data-automation-runtime-fips", "com.amazonaws.region.bedrock-runtime")
	add("AWS Billing and Cost Management", "com.amazonaws.region.billing", "com.amazonaws.region.freetier",
		"com.amazonaws.region.tax")
	add("AWS Billing Conductor", "com.amazonaws.region.billingconductor")
	add("Amazon Braket", "com.amazonaws.region.braket")
	add("AWS Certificate Manager", "com.amazonaws.region.acm", "com.amazonaws.region.acm-fips")
	add("AWS Clean Rooms", "com.amazonaws.region.cleanrooms", "com.amazonaws.region.cleanrooms-fips")
	add("AWS Clean Rooms ML", "com.amazonaws.region.cleanrooms-ml")
	add("AWS Cloud Control API", "com.amazonaws.region.cloudcontrolapi", "com.amazonaws.region.cloudcontrolapi-fips")
	add("Amazon Cloud Directory", "com.amazonaws.region.clouddirectory")
	add("AWS CloudFormation", "com.amazonaws.region.cloudformation", "com.amazonaws.region.cloudformation-fips")
	add("Amazon CloudFront", "com.amazonaws.cloudfront")
	add("AWS CloudHSM", "com.amazonaws.region.cloudhsmv2")
	add("AWS Cloud Map", "com.amazonaws.region.servicediscovery", "com.amazonaws.region.servicediscovery-fips",
		"com.amazonaws.region.data-servicediscovery", "com.amazonaws.region.data-servicediscovery-fips")
	add("AWS CloudTrail", "com.amazonaws.region.cloudtrail")
	add("AWS Cloud WAN and AWS Global Networks for Transit Gateways", "com.amazonaws.region.networkmanager")
	add("Amazon CloudWatch", "com.amazonaws.region.application-signals", "com.amazonaws.region.applicationinsights",
		"com.amazonaws.region.internetmonitor", "com.amazonaws.region.internetmonitor-fips",
		"com.amazonaws.region.monitoring", "com.amazonaws.region.networkflowmonitor",
		"com.amazonaws.region.networkflowmonitorreports", "com.amazonaws.region.networkmonitor",
		"com.amazonaws.region.observabilityadmin", "com.amazonaws.region.rum", "com.amazonaws.region.rum-dataplane",
		"com.amazonaws.region.synthetics", "com.amazonaws.region.synthetics-fips", "com.amazonaws.region.oam")
	add("Amazon CloudWatch Logs", "com.amazonaws.region.logs")
	add("AWS CodeArtifact", "com.amazonaws.region.codeartifact.api", "com.amazonaws.region.codeartifact.repositories")
	add("AWS CodeBuild", "com.amazonaws.region.codebuild", "com.amazonaws.region.codebuild-fips")
	add("AWS CodeCommit", "com.amazonaws.region.codecommit", "com.amazonaws.region.codecommit-fips",
		"com.amazonaws.region.git-codecommit", "com.amazonaws.region.git-codecommit-fips")
	add("AWS CodeConnections", "com.amazonaws.region.codeconnections.api", "com.amazonaws.region.codestar-connections.api")
	add("AWS CodeDeploy", "com.amazonaws.region.codedeploy", "com.amazonaws.region.codedeploy-commands-secure",
		"com.amazonaws.region.codedeploy-fips")
	add("Amazon CodeGuru Profiler", "com.amazonaws.region.codeguru-profiler")
	add("Amazon CodeGuru Reviewer", "com.amazonaws.region.codeguru-reviewer")
	add("AWS CodePipeline", "com.amazonaws.region.codepipeline")
	add("Amazon Comprehend", "com.amazonaws.region.comprehend")
	add("Amazon Comprehend Medical", "com.amazonaws.region.comprehendmedical")
	add("AWS Compute Optimizer", "com.amazonaws.region.compute-optimizer")
	add("AWS Config", "com.amazonaws.region.config", "com.amazonaws.region.config-fips")
	add("Amazon Connect", "com.amazonaws.region.app-integrations", "com.amazonaws.region.cases",
		"com.amazonaws.region.connect-campaigns", "com.amazonaws.region.profile", "com.amazonaws.region.voiceid",
		"com.amazonaws.region.wisdom")
	add("AWS Connector Service", "com.amazonaws.region.awsconnector")
	add("AWS Control Catalog", "com.amazonaws.region.controlcatalog")
	add("AWS Cost Explorer", "com.amazonaws.region.ce")
	add("AWS Cost Optimization Hub", "com.amazonaws.region.cost-optimization-hub")
	add("AWS Control Tower", "com.amazonaws.region.controltower", "com.amazonaws.region.controltower-fips")
	add("AWS Data Exchange", "com.amazonaws.region.dataexchange")
	add("AWS Data Exports", "aws.api.region.bcm-data-exports", "com.amazonaws.region.bcm-pricing-calculator")
	add("Amazon Data Firehose", "com.amazonaws.region.kinesis-firehose")
	add("Amazon Data Lifecycle Manager", "com.amazonaws.region.dlm", "com.amazonaws.region.dlm-fips")
	add("AWS Database Migration Service", "com.amazonaws.region.dms", "com.amazonaws.region.dms-fips")
	add("AWS DataSync", "com.amazonaws.region.datasync")
	add("Amazon DataZone", "com.amazonaws.region.datazone", "com.amazonaws.region.datazone-fips")
	add("AWS Deadline Cloud", "com.amazonaws.region.deadline.management", "com.amazonaws.region.deadline.scheduling")
	add("Amazon Detective", "com.amazonaws.region.detective", "com.amazonaws.region.detective-fips")
	add("Amazon DevOps Guru", "com.amazonaws.region.devops-guru")
	add("AWS Direct Connect", "com.amazonaws.region.directconnect", "com.amazonaws.region.directconnect-fips")
	add("AWS Directory Service", "com.amazonaws.region.ds", "com.amazonaws.region.ds-data",
		"com.amazonaws.region.ds-data-fips")
	// Amazon DocumentDB: rds, under Amazon RDS below.
	add("Amazon DynamoDB", "com.amazonaws.region.dynamodb", "com.amazonaws.region.dynamodb-fips",
		"com.amazonaws.region.dynamodb-streams")
	add("Amazon EBS direct APIs", "com.amazonaws.region.ebs", "com.amazonaws.region.ebs-fips")
	add("Amazon EC2", "com.amazonaws.region.ec2", "com.amazonaws.region.ec2-fips")
	add("Amazon EC2 Auto Scaling", "com.amazonaws.region.autoscaling", "com.amazonaws.region.autoscaling-fips")
	add("EC2 Image Builder", "com.amazonaws.region.imagebuilder")
	add("Amazon ECR", "com.amazonaws.region.ecr.api", "com.amazonaws.region.ecr.dkr")
	add("Amazon ECS", "com.amazonaws.region.ecs", "com.amazonaws.region.ecs-agent", "com.amazonaws.region.ecs-telemetry")
	add("Amazon EKS", "com.amazonaws.region.eks", "com.amazonaws.region.eks-auth", "com.amazonaws.region.eks-fips",
		"com.amazonaws.region.eks-proxy")
	add("AWS Elastic Beanstalk", "com.amazonaws.region.elasticbeanstalk", "com.amazonaws.region.elasticbeanstalk-health")
	add("AWS Elastic Disaster Recovery", "com.amazonaws.region.drs")
	add("Amazon Elastic File System", "com.amazonaws.region.elasticfilesystem", "com.amazonaws.region.elasticfilesystem-fips")
	add("Elastic Load Balancing", "com.amazonaws.region.elasticloadbalancing")
	add("Amazon Elastic VMware Service", "com.amazonaws.region.evs", "com.amazonaws.region.evs-fips")
	add("Amazon ElastiCache", "com.amazonaws.region.elasticache", "com.amazonaws.region.elasticache-fips")
	add("AWS Elemental MediaConnect", "com.amazonaws.region.mediaconnect")
	add("AWS Elemental MediaConvert", "com.amazonaws.region.mediaconvert", "com.amazonaws.region.mediaconvert-fips")
	add("Amazon EMR", "com.amazonaws.region.elasticmapreduce", "com.amazonaws.region.elasticmapreduce-fips")
	add("Amazon EMR on EKS", "com.amazonaws.region.emr-containers")
	add("Amazon EMR Serverless", "com.amazonaws.region.emr-serverless", "com.amazonaws.region.emr-serverless-services.livy",
		"com.amazonaws.region.emr-serverless.dashboard")
	add("Amazon EMR WAL", "com.amazonaws.region.emrwal.prod")
	add("AWS End User Messaging Social", "com.amazonaws.region.social-messaging", "com.amazonaws.region.social-messaging-fips")
	add("AWS Entity Resolution", "com.amazonaws.region.entityresolution", "com.amazonaws.region.entityresolution-fips")
	add("Amazon EventBridge", "com.amazonaws.region.events", "com.amazonaws.region.events-fips",
		"com.amazonaws.region.pipes", "com.amazonaws.region.pipes-data", "com.amazonaws.region.pipes-fips",
		"com.amazonaws.region.schemas")
	add("Amazon EventBridge Scheduler", "com.amazonaws.region.scheduler")
	add("AWS Fault Injection Service", "com.amazonaws.region.fis", "com.amazonaws.region.fis-fips")
	add("Amazon FinSpace", "com.amazonaws.region.finspace", "com.amazonaws.region.finspace-api")
	add("AWS Firewall Manager", "com.amazonaws.region.fms", "com.amazonaws.region.fms-fips")
	add("Amazon Forecast", "com.amazonaws.region.forecast", "com.amazonaws.region.forecastquery",
		"com.amazonaws.region.forecast-fips", "com.amazonaws.region.forecastquery-fips")
	add("Amazon Fraud Detector", "com.amazonaws.region.frauddetector")
	add("Amazon FSx", "com.amazonaws.region.fsx", "com.amazonaws.region.fsx-fips")
	add("Amazon GameLift Servers", "com.amazonaws.region.gamelift")
	add("Amazon GameLift Streams", "com.amazonaws.region.gameliftstreams")
	// AWS Global Networks for Transit Gateways: networkmanager, above.
	add("AWS Glue", "com.amazonaws.region.glue", "com.amazonaws.region.glue.dashboard")
	add("AWS Glue DataBrew", "com.amazonaws.region.databrew", "com.amazonaws.region.databrew-fips")
	add("Amazon Managed Grafana", "com.amazonaws.region.grafana", "com.amazonaws.region.grafana-workspace")
	add("AWS Ground Station", "com.amazonaws.region.groundstation", "com.amazonaws.region.groundstation-fips")
	add("Amazon GuardDuty", "com.amazonaws.region.guardduty", "com.amazonaws.region.guardduty-data",
		"com.amazonaws.region.guardduty-data-fips", "com.amazonaws.region.guardduty-fips")
	add("AWS HealthImaging", "com.amazonaws.region.dicom-medical-imaging", "com.amazonaws.region.medical-imaging",
		"com.amazonaws.region.runtime-medical-imaging")
	add("AWS HealthLake", "com.amazonaws.region.healthlake")
	add("AWS HealthOmics", "com.amazonaws.region.analytics-omics", "com.amazonaws.region.analytics-omics-fips",
		"com.amazonaws.region.control-storage-omics", "com.amazonaws.region.control-storage-omics-fips",
		"com.amazonaws.region.storage-omics", "com.amazonaws.region.tags-omics", "com.amazonaws.region.tags-omics-fips",
		"com.amazonaws.region.workflows-omics", "com.amazonaws.region.workflows-omics-fips")
	add("AWS Identity and Access Management (IAM)", "com.amazonaws.iam")
	add("IAM Access Analyzer", "com.amazonaws.region.access-analyzer", "com.amazonaws.region.access-analyzer-fips")
	add("IAM Identity Center", "com.amazonaws.region.identitystore")
	add("IAM Roles Anywhere", "com.amazonaws.region.rolesanywhere", "com.amazonaws.region.rolesanywhere-fips")
	add("Amazon Inspector", "com.amazonaws.region.inspector2", "com.amazonaws.region.inspector2-fips",
		"com.amazonaws.region.inspector-scan", "com.amazonaws.region.inspector-scan-fips")
	add("Amazon Interactive Video Service", "com.amazonaws.region.ivs.contribute")
	add("AWS IoT Core", "com.amazonaws.region.iot.api", "com.amazonaws.region.iot-fips.api",
		"com.amazonaws.region.iot.data", "com.amazonaws.region.iot.credentials")
	add("AWS IoT Device Management secure tunneling", "com.amazonaws.region.iot.tunneling.api",
		"com.amazonaws.region.iot-fips.tunneling.api", "com.amazonaws.region.iot.tunneling.data",
		"com.amazonaws.region.iot-fips.tunneling.data")
	add("AWS IoT Core Device Advisor", "com.amazonaws.region.deviceadvisor.iot")
	add("Managed integrations for AWS IoT Device Management", "com.amazonaws.region.iotmanagedintegrations.api",
		"com.amazonaws.region.iotmanagedintegrations-fips.api")
	add("AWS IoT Core for LoRaWAN", "com.amazonaws.region.iotwireless.api", "com.amazonaws.region.lorawan.cups",
		"com.amazonaws.region.lorawan.lns")
	add("AWS IoT FleetWise", "com.amazonaws.region.iotfleetwise")
	add("AWS IoT Greengrass", "com.amazonaws.region.greengrass")
	add("AWS IoT RoboRunner", "com.amazonaws.region.iotroborunner")
	add("AWS IoT SiteWise", "com.amazonaws.region.iotsitewise.api", "com.amazonaws.region.iotsitewise.data")
	add("AWS IoT TwinMaker", "com.amazonaws.region.iottwinmaker.api", "com.amazonaws.region.iottwinmaker.data")
	add("Amazon Kendra", "com.amazonaws.region.kendra", "aws.api.region.kendra-ranking")
	add("AWS Key Management Service", "com.amazonaws.region.kms", "com.amazonaws.region.kms-fips")
	add("Amazon Keyspaces (for Apache Cassandra)", "com.amazonaws.region.cassandra", "com.amazonaws.region.cassandra-fips")
	add("Amazon Kinesis Data Streams", "com.amazonaws.region.kinesis-streams", "com.amazonaws.region.kinesis-streams-fips")
	add("AWS Lake Formation", "com.amazonaws.region.lakeformation")
	add("AWS Lambda", "com.amazonaws.region.lambda")
	add("AWS Launch Wizard", "com.amazonaws.region.launchwizard")
	add("Amazon Lex", "com.amazonaws.region.models-v2-lex", "com.amazonaws.region.runtime-v2-lex")
	add("AWS License Manager", "com.amazonaws.region.license-manager", "com.amazonaws.region.license-manager-fips",
		"com.amazonaws.region.license-manager-linux-subscriptions",
		"com.amazonaws.region.license-manager-linux-subscriptions-fips",
		"com.amazonaws.region.license-manager-user-subscriptions",
		"com.amazonaws.region.license-manager-user-subscriptions-fips")
	add("Amazon Lightsail", "com.amazonaws.region.lightsail")
	add("Amazon Location Service", "com.amazonaws.region.geo.maps", "com.amazonaws.region.geo.places",
		"com.amazonaws.region.geo.routes", "com.amazonaws.region.geo.geofencing", "com.amazonaws.region.geo.tracking",
		"com.amazonaws.region.geo.metadata")
	add("Amazon Lookout for Equipment", "com.amazonaws.region.lookoutequipment")
	add("Amazon Lookout for Vision", "com.amazonaws.region.lookoutvision")
	add("Amazon Macie", "com.amazonaws.region.macie2", "com.amazonaws.region.macie2-fips")
	add("AWS Mainframe Modernization", "com.amazonaws.region.apptest", "com.amazonaws.region.m2")
	add("Amazon Managed Blockchain", "com.amazonaws.region.managedblockchain-query",
		"com.amazonaws.region.managedblockchain.bitcoin.mainnet", "com.amazonaws.region.managedblockchain.bitcoin.testnet")
	add("AWS Marketplace Metering Service", "com.amazonaws.region.metering-marketplace")
	add("Amazon Managed Service for Prometheus", "com.amazonaws.region.aps", "com.amazonaws.region.aps-workspaces")
	add("Amazon Managed Streaming for Apache Kafka (MSK)", "com.amazonaws.region.kafka", "com.amazonaws.region.kafka-fips")
	add("Amazon Managed Workflows for Apache Airflow", "com.amazonaws.region.airflow.api",
		"com.amazonaws.region.airflow.api-fips", "com.amazonaws.region.airflow.env", "com.amazonaws.region.airflow.env-fips",
		"com.amazonaws.region.airflow.ops")
	add("Amazon Route 53", "com.amazonaws.route53")
	add("Amazon Route 53 Global Resolver", "aws.api.us-east-2.route53globalresolver",
		"aws.api.us-east-2.route53globalresolver-fips")
	add("AWS Management Console", "com.amazonaws.region.console", "com.amazonaws.region.signin")
	add("Amazon MemoryDB", "com.amazonaws.region.memory-db", "com.amazonaws.region.memorydb-fips")
	add("AWS Migration Hub Orchestrator", "com.amazonaws.region.migrationhub-orchestrator")
	add("AWS Migration Hub Refactor Spaces", "com.amazonaws.region.refactor-spaces")
	add("Migration Hub Strategy Recommendations", "com.amazonaws.region.migrationhub-strategy")
	add("Amazon MQ", "com.amazonaws.region.mq", "com.amazonaws.region.mq-fips")
	add("Amazon Neptune Analytics", "com.amazonaws.region.neptune-graph", "com.amazonaws.region.neptune-graph-data",
		"com.amazonaws.region.neptune-graph-fips")
	add("AWS Network Firewall", "com.amazonaws.region.network-firewall", "com.amazonaws.region.network-firewall-fips")
	// Amazon OpenSearch Service: "These endpoints are service-managed".
	add("Amazon OpenSearch Ingestion", "com.amazonaws.region.osis")
	add("AWS Organizations", "com.amazonaws.region.organizations", "com.amazonaws.region.organizations-fips")
	add("AWS Outposts", "com.amazonaws.region.outposts")
	add("AWS Panorama", "com.amazonaws.region.panorama")
	add("AWS Payment Cryptography", "com.amazonaws.region.payment-cryptography.controlplane",
		"com.amazonaws.region.payment-cryptography.dataplane")
	add("AWS PCS", "com.amazonaws.region.pcs", "com.amazonaws.region.pcs-fips")
	add("Amazon Personalize", "com.amazonaws.region.personalize", "com.amazonaws.region.personalize-events",
		"com.amazonaws.region.personalize-runtime")
	add("Amazon Pinpoint", "com.amazonaws.region.pinpoint", "com.amazonaws.region.pinpoint-sms-voice-v2")
	add("Amazon Polly", "com.amazonaws.region.polly", "com.amazonaws.region.polly-fips")
	add("AWS Price List", "com.amazonaws.region.pricing.api")
	add("AWS Private Certificate Authority", "com.amazonaws.region.acm-pca", "com.amazonaws.region.acm-pca-fips",
		"com.amazonaws.region.pca-connector-ad", "com.amazonaws.region.pca-connector-scep")
	add("AWS Proton", "com.amazonaws.region.proton")
	add("Amazon Q Business", "aws.api.region.qbusiness")
	add("Amazon Q Developer", "com.amazonaws.region.codewhisperer", "com.amazonaws.region.q", "com.amazonaws.region.qapps")
	add("Amazon Q User Subscriptions", "com.amazonaws.region.service.user-subscriptions")
	add("Quick", "com.amazonaws.region.quicksight-website")
	add("Amazon RDS", "com.amazonaws.region.rds", "com.amazonaws.region.rds-fips")
	add("Amazon RDS Data API", "com.amazonaws.region.rds-data")
	add("Amazon RDS Performance Insights", "com.amazonaws.region.pi", "com.amazonaws.region.pi-fips")
	add("AWS re:Post Private", "com.amazonaws.region.repostspace")
	add("Recycle Bin", "com.amazonaws.region.rbin", "com.amazonaws.region.rbin-fips")
	add("Amazon Redshift", "com.amazonaws.region.redshift", "com.amazonaws.region.redshift-fips",
		"com.amazonaws.region.redshift-serverless", "com.amazonaws.region.redshift-serverless-fips")
	add("Amazon Redshift Data API", "com.amazonaws.region.redshift-data", "com.amazonaws.region.redshift-data-fips")
	add("Amazon Rekognition", "com.amazonaws.region.rekognition", "com.amazonaws.region.rekognition-fips",
		"com.amazonaws.region.streaming-rekognition", "com.amazonaws.region.streaming-rekognition-fips")
	add("AWS Resource Access Manager", "com.amazonaws.region.ram", "com.amazonaws.region.ram-fips")
	add("AWS Resource Explorer", "com.amazonaws.region.resource-explorer-2", "com.amazonaws.region.resource-explorer-2-fips")
	add("AWS Resource Groups", "com.amazonaws.region.resource-groups", "com.amazonaws.region.resource-groups-fips")
	add("AWS Resource Groups Tagging API", "com.amazonaws.region.tagging")
	add("Amazon S3", "com.amazonaws.region.s3", "com.amazonaws.region.s3tables")
	add("Amazon S3 Multi-Region Access Points", "com.amazonaws.s3-global.accesspoint")
	add("Amazon S3 on Outposts", "com.amazonaws.region.s3-outposts")
	add("Amazon SageMaker AI", "aws.sagemaker.region.experiments", "aws.sagemaker.region.notebook",
		"aws.sagemaker.region.partner-app", "aws.sagemaker.region.studio",
		"com.amazonaws.region.sagemaker-data-science-assistant", "com.amazonaws.region.sagemaker.api",
		"com.amazonaws.region.sagemaker.api-fips", "com.amazonaws.region.sagemaker.featurestore-runtime",
		"com.amazonaws.region.sagemaker.featurestore-runtime-fips", "com.amazonaws.region.sagemaker.metrics",
		"com.amazonaws.region.sagemaker.runtime", "com.amazonaws.region.sagemaker.runtime-fips")
	add("Savings Plans", "com.amazonaws.savingsplans")
	add("AWS Secrets Manager", "com.amazonaws.region.secretsmanager")
	add("AWS Security Hub CSPM", "com.amazonaws.region.securityhub", "com.amazonaws.region.securityhub-fips")
	add("Amazon Security Lake", "com.amazonaws.region.securitylake", "com.amazonaws.region.securitylake-fips")
	add("AWS Security Token Service", "com.amazonaws.region.sts", "com.amazonaws.region.sts-fips")
	add("AWS Serverless Application Repository", "com.amazonaws.region.serverlessrepo")
	add("Service Catalog", "com.amazonaws.region.servicecatalog", "com.amazonaws.region.servicecatalog-appregistry")
	add("Service Quotas", "com.amazonaws.region.servicequotas")
	add("Amazon SES", "com.amazonaws.region.email-smtp", "com.amazonaws.region.mail-manager",
		"com.amazonaws.region.mail-manager-fips", "com.amazonaws.region.mail-manager-smtp.auth.fips",
		"com.amazonaws.region.mail-manager-smtp.open.fips")
	add("AWS SimSpace Weaver", "com.amazonaws.region.simspaceweaver")
	add("AWS Snowball Edge Device Management", "com.amazonaws.region.snow-device-management")
	add("Amazon SNS", "com.amazonaws.region.sns")
	add("Amazon SQS", "com.amazonaws.region.sqs", "com.amazonaws.region.sqs-fips")
	add("Amazon SWF", "com.amazonaws.region.swf", "com.amazonaws.region.swf-fips")
	add("AWS Step Functions", "com.amazonaws.region.states", "com.amazonaws.region.sync-states")
	add("AWS Storage Gateway", "com.amazonaws.region.storagegateway")
	add("AWS Supply Chain", "com.amazonaws.region.scn")
	add("AWS Systems Manager", "com.amazonaws.region.ec2messages", "com.amazonaws.region.ssm",
		"com.amazonaws.region.ssm-contacts", "com.amazonaws.region.ssm-incidents",
		"com.amazonaws.region.ssm-incidents-fips", "com.amazonaws.region.ssm-quicksetup",
		"com.amazonaws.region.ssmmessages")
	add("AWS Systems Manager for SAP", "com.amazonaws.region.ssm-sap", "com.amazonaws.region.ssm-sap-fips")
	add("AWS Telco Network Builder", "com.amazonaws.region.tnb")
	add("Amazon Textract", "com.amazonaws.region.textract", "com.amazonaws.region.textract-fips")
	add("Amazon Timestream", "com.amazonaws.region.timestream.ingest-cell", "com.amazonaws.region.timestream.query-cell")
	add("Amazon Timestream for InfluxDB", "com.amazonaws.region.timestream-influxdb",
		"com.amazonaws.region.timestream-influxdb-fips")
	// Amazon Transcribe Medical: transcribe and transcribestreaming, here.
	add("Amazon Transcribe", "com.amazonaws.region.transcribe", "com.amazonaws.region.transcribestreaming",
		"com.amazonaws.region.transcribestreaming-fips")
	add("AWS Transfer for SFTP", "com.amazonaws.region.transfer", "com.amazonaws.region.transfer.server")
	add("AWS Transform", "com.amazonaws.region.transform")
	add("AWS Transform custom", "com.amazonaws.region.transform-custom")
	add("Amazon Translate", "com.amazonaws.region.translate")
	add("AWS Trusted Advisor", "com.amazonaws.region.trustedadvisor")
	add("AWS User Notifications", "com.amazonaws.region.notifications", "com.amazonaws.region.notifications-contacts")
	add("Amazon Verified Permissions", "com.amazonaws.region.verifiedpermissions",
		"com.amazonaws.region.verifiedpermissions-fips")
	add("Amazon VPC Lattice", "com.amazonaws.region.vpc-lattice")
	add("AWS WAFV2", "com.amazonaws.region.wafv2", "com.amazonaws.region.wafv2-fips")
	add("AWS Well-Architected Tool", "com.amazonaws.region.wellarchitected")
	add("Amazon WorkMail", "com.amazonaws.region.workmail", "com.amazonaws.region.workmailmessageflow")
	add("Amazon WorkSpaces", "com.amazonaws.region.workspaces")
	add("Amazon WorkSpaces Secure Browser", "com.amazonaws.region.workspaces-web", "com.amazonaws.region.workspaces-web-fips")
	add("WorkSpaces streaming", "com.amazonaws.region.highlander")
	add("Amazon WorkSpaces Thin Client", "com.amazonaws.region.thinclient.api")
	add("AWS X-Ray", "com.amazonaws.region.xray")
	add("Amazon Managed Service for Apache Flink", "com.amazonaws.region.kinesisanalytics",
		"com.amazonaws.region.kinesisanalytics-fips")

	// Names only the guide's example outputs of describe-vpc-endpoint-services
	// show, not its table. aws.api.us-east-1.emr-service-cell01 is left out:
	// the guide does not say which service it belongs to.
	add("Amazon Keyspaces (cassandra-streams)", "api.aws.region.cassandra-streams")
	add("Amazon ECS (ecs-fips)", "com.amazonaws.region.ecs-fips")
	const exampleOnly = "The guide shows this service name only in example output of describe-vpc-endpoint-services, not in its list of services."

	// The facts the guide gives beyond the names.
	for _, s := range ss {
		switch s.Name {
		case "cassandra-streams", "ecs-fips":
			s.Note = exampleOnly
		}
		switch s.Name {
		case "s3", "iam", "ecr.api", "ecr.dkr", "kms", "kms-fips", "ecs", "ecs-fips", "lambda",
			"kinesis-firehose", "kinesisanalytics", "kinesisanalytics-fips", "route53":
			// "Cross-region enabled AWS services"; ecs-fips from its example.
			crossRegion(s)
		case "freetier", "resource-explorer-2", "resource-explorer-2-fips":
			// The list writes com.amazonaws.<region>.<name>; the example
			// outputs show aws.api.us-east-1.<name> as well.
			s.AltNamePrefix = apiPrefix
			s.Note = "The guide lists the com.amazonaws form of this service name; the aws.api form appears only in its example output."
		case "timestream.ingest-cell", "timestream.query-cell":
			// The Timestream guide: com.amazonaws.<region>.timestream.ingest-<cell>,
			// <cell> being one of the cell endpoints DescribeEndpoints
			// returns, such as cell1 or cell2.
			s.Cell = true
		case "route53globalresolver", "route53globalresolver-fips":
			s.Note = "The guide writes this service name with the Region us-east-2, not a placeholder; whether the endpoint exists in other Regions is not confirmed by a primary source."
		case "dynamodb-fips":
			s.Note = "Whether DynamoDB FIPS interface endpoints support private DNS is not confirmed by a primary source (DynamoDB interface endpoints did not support it as of 2024-10)."
		}
	}
	return ss
}

// privateLinkRow returns the row for a service name written as
// ServiceCatalogSource writes it: com.amazonaws.region.<name>,
// com.amazonaws.<name> for a global service, or one of the other prefixes
// before "region" (aws.api, aws.sagemaker, api.aws). A Region written out
// instead of "region" becomes the row's only Region. It panics on any
// other form: the table is the program's, not the user's.
func privateLinkRow(written string) *Service {
	s := &Service{
		Types:      []ServiceEndpointType{iface("")},
		PrivateDNS: true,
		Source:     ServiceCatalogSource,
	}
	if name, ok := strings.CutPrefix(written, "com.amazonaws.region."); ok {
		s.Name = name
		return s
	}
	for _, prefix := range []string{apiPrefix, sageMakerPrefix, apiAWSPrefix} {
		rest, ok := strings.CutPrefix(written, prefix+".")
		if !ok {
			continue
		}
		region, name, ok := strings.Cut(rest, ".")
		if !ok {
			break
		}
		if region != "region" {
			s.Regions = []string{region}
		}
		s.Name, s.NamePrefix = name, prefix
		return s
	}
	if rest, ok := strings.CutPrefix(written, "com.amazonaws."); ok {
		if region, name, ok := strings.Cut(rest, "."); ok && regionPattern.MatchString(region) {
			s.Name, s.Regions = name, []string{region}
			return s
		}
		s.Name, s.Global = rest, true
		return s
	}
	panic("schema: service name " + written + " is not in a form privateLinkRow reads")
}
