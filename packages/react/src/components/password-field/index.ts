// The part lives in the shared layer (ui/password-field); its styles stay in this folder's
// password-field.css, which the stylesheet build collects.
export { PasswordField, type PasswordFieldProps } from '../../ui/password-field'
