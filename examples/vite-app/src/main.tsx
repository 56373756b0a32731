// Usher's stylesheet first, then Tailwind's: nothing else to write (Usher's file declares the
// layer order Tailwind's layers slot into).
import '@usher/react/styles.css'
import './tailwind.css'
import { renderApp } from './app'

renderApp()
