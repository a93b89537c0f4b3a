package validate

import "testing"

func TestAWSS3ReplicationDestinationAccessPoint(t *testing.T) {
	runRuleCases(t, awsS3ReplicationDestinationAccessPoint, map[string]ruleCase{
		"access point ARN": {
			src: sprintf(replicationConfig, `    destination {
      bucket = "arn:aws:s3:eu-west-1:111111111111:accesspoint/dst"
    }`),
			want: []string{"22:16-22:67 Replication destination is an access point"},
		},
		"bucket ARN": {
			src: sprintf(replicationConfig, `    destination {
      bucket = "arn:aws:s3:::dst-bucket"
    }`),
		},
	})
}
