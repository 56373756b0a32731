export { PasswordResetForm, type PasswordResetFormProps } from './password-reset-form'
