/**
 * @module protocol/patches
 * Deliberate deviations from the vendored models, applied once at load time. The model files are
 * never edited. Each patch says why it exists.
 */
import type { ServiceModel } from './model.ts';
import { declareEc2Errors } from './ec2/error-codes.ts';
import { declareS3Errors } from './restxml/s3-errors.ts';

export const patches: Record<string, (model: ServiceModel) => void> = {
  /** S3's model declares a dozen of the errors S3 answers; the rest are documented only. */
  s3: declareS3Errors,
  /** EC2's model declares no errors at all; its documented codes are declared here. */
  ec2: declareEc2Errors,
  /** Connections answer input that breaks the model's rules with ValidationException, which the models leave out. */
  'codestar-connections': declareValidationException,
  codeconnections: declareValidationException,
  /** GetActionType and UpdateActionType also name the account's custom action types (owner Custom), the only types Slipway holds for an account. */
  codepipeline: (model) => {
    model.shapes.ActionTypeOwner.pattern = 'AWS|ThirdParty|Custom';
  },
};

function declareValidationException(model: ServiceModel): void {
  model.shapes.ValidationException ??= {
    type: 'structure',
    members: { Message: { shape: 'ErrorMessage' } },
    exception: true,
    error: { httpStatusCode: 400, senderFault: true },
  };
}
