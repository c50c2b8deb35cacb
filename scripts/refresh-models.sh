#!/usr/bin/env bash
# Refreshes the vendored AWS service models under models/ from botocore (Apache-2.0).
# Run by hand when a newer model is wanted; the build never needs botocore installed.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(python3 -c 'import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),"data"))')
version=$(python3 -c 'import botocore;print(botocore.__version__)')
take() { # name service
  local dir; dir=$(ls -d "$data/$2"/*/ | sort | tail -1)
  zcat -f "$dir/service-2.json.gz" 2>/dev/null > "models/$1.json" || cp "$dir/service-2.json" "models/$1.json"
  [ -f "$dir/waiters-2.json" ] && cp "$dir/waiters-2.json" "models/$1.waiters.json"
  [ -f "$dir/paginators-1.json" ] && cp "$dir/paginators-1.json" "models/$1.paginators.json"
  return 0
}
take ecs ecs
take ecr ecr
take elbv2 elbv2
take codebuild codebuild
take codedeploy codedeploy
take codepipeline codepipeline
take secretsmanager secretsmanager
take ssm ssm
take logs logs
take codecommit codecommit
take s3 s3
take ec2 ec2
take codestar-connections codestar-connections
take codeconnections codeconnections
take iam iam
take sts sts
cp "$(python3 -c "import botocore,glob,os;print(glob.glob(os.path.dirname(botocore.__file__)+\"-*.dist-info\")[0])")/LICENSE.txt" models/LICENSE.txt 2>/dev/null || true
echo "botocore $version" > models/SOURCE
echo "models refreshed from botocore $version"
