// Tailwind's stylesheet first, then Usher's: the one line at the top of tailwind-first.css.
import './tailwind-first.css'
import '@usher/react/styles.css'
import { renderApp } from './app'

renderApp()
